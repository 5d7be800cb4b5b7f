export { reviewedExamItem } from "./exam-item-fixture.js";
export * from "./openai-server/index.js";
export { type EnsurePeersParams, ensurePeers, type PeersEnv, peersProcessEnv, readPeersEnvFile } from "./peers.js";
export { evalPython, offlinePythonEnv, repoRoot } from "./python.js";
export { type RunEvalPythonParams, type RunEvalPythonResult, runEvalPython } from "./run-eval-python.js";
export { makeTinyGguf } from "./tiny-gguf.js";
export { LIGHTEVAL_ENV_FIXES, makeTinyModel, TESTING_PYTHON_DIR } from "./tiny-model.js";
