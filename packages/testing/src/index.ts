export * from "./openai-server/index.js";
export { evalPython, offlinePythonEnv, repoRoot } from "./python.js";
