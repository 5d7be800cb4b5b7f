export { evalPython, offlinePythonEnv, repoRoot } from "./python.js";
