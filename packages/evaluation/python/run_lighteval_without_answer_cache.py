"""Runs the `lighteval` CLI (same arguments) with litellm's answer cache switched off.

LightEval 0.13 turns on litellm's disk cache when its endpoint backend is imported
(`litellm.cache = Cache(type=DISK)` in lighteval/models/endpoints/litellm_model.py, in a `.litellm_cache` folder of
the working directory) and asks for it on every call. litellm keys a cached answer by model name, messages and
sampling parameters, not by the endpoint, so a later run against another server (or a changed model behind the same
name) would silently score the earlier run's answers. Results that may be reused are domain-eval's own results cache,
keyed by dataset revision, task and endpoint; every LightEval run here asks the model again.

The cache folder LightEval creates on import goes to a throwaway directory, so nothing is written where it runs.
"""

import os
import sys
import tempfile


def _import_endpoint_backend_without_cache() -> None:
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="lighteval-litellm-") as scratch:
        os.chdir(scratch)
        try:
            import lighteval.models.endpoints.litellm_model  # noqa: F401  (sets litellm.cache, here in scratch)
        finally:
            os.chdir(cwd)
        import litellm

        # None: litellm then neither reads nor writes a cache, whatever `caching=True` LightEval passes.
        litellm.cache = None


if __name__ == "__main__":
    _import_endpoint_backend_without_cache()
    from lighteval.__main__ import app

    sys.argv[0] = "lighteval"
    app()
