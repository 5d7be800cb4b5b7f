"""Write a tiny random-weight llama-architecture GGUF for tests (no weights can be downloaded here).

The model is nonsense by design: a few layers, tiny dimensions, random weights. What it does have is what the
runtime needs to exercise the real code paths: a SentencePiece ("llama") vocabulary with byte-fallback tokens
<0x00>..<0xFF> (so a grammar can make it emit any character, including everything JSON needs), ChatML control
tokens and a ChatML chat template.

    python make-tiny-gguf.py --out tiny.gguf [--seed 7]
    python make-tiny-gguf.py --out huge.gguf --huge-header-only   # declares ~200 GB of tensors, stores none

Needs numpy and the pure-Python `gguf` package on PYTHONPATH.
"""

from __future__ import annotations

import argparse

import gguf
import numpy as np

N_EMBD = 64
N_HEAD = 4
N_HEAD_KV = 4
N_FF = 128
N_LAYER = 2
CONTEXT_LENGTH = 4096

CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

TokenType = gguf.TokenType


def build_vocab() -> tuple[list[str], list[float], list[int]]:
    tokens: list[str] = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"]
    types: list[int] = [TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL, TokenType.CONTROL, TokenType.CONTROL]
    scores: list[float] = [0.0] * len(tokens)
    for byte in range(256):
        tokens.append(f"<0x{byte:02X}>")
        # Bytes >= 0x80 only form text as parts of multi-byte UTF-8 sequences; a random model strings them together
        # into invalid UTF-8 (which llama.cpp's grammar does not reject), so they exist for tokenizing any input but
        # are marked unused, which keeps them out of generated text.
        types.append(TokenType.BYTE if byte < 0x80 else TokenType.UNUSED)
        scores.append(0.0)
    # Printable ASCII as whole pieces ("▁" is SentencePiece's space), plus a few words so tokenizing is not all bytes.
    pieces = ["\u2581"] + [chr(c) for c in range(33, 127)]
    pieces += ["\u2581the", "\u2581answer", "\u2581question", "\u2581is", "\u2581of", "\u2581a", "ing", "ed"]
    for i, piece in enumerate(pieces):
        tokens.append(piece)
        types.append(TokenType.NORMAL)
        scores.append(-float(i) / 100.0 + (len(piece) - 1))
    return tokens, scores, types


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--huge-header-only", action="store_true")
    args = parser.parse_args()

    tokens, scores, types = build_vocab()
    n_vocab = len(tokens)
    writer = gguf.GGUFWriter(args.out, "llama")
    writer.add_name("tiny-random-llama")
    writer.add_context_length(CONTEXT_LENGTH)
    writer.add_embedding_length(N_EMBD)
    writer.add_block_count(N_LAYER)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEAD)
    writer.add_head_count_kv(N_HEAD_KV)
    writer.add_rope_dimension_count(N_EMBD // N_HEAD)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_vocab_size(n_vocab)
    writer.add_tokenizer_model("llama")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_unk_token_id(0)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(tokens.index("<|im_end|>"))
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)
    writer.add_chat_template(CHATML_TEMPLATE)

    if args.huge_header_only:
        # A valid header whose tensor table claims far more memory than any test machine has; no tensor data follows.
        rows = 1 << 20
        writer.add_tensor_info("token_embd.weight", (rows, 1 << 16), np.dtype(np.float32), rows * (1 << 16) * 4)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        writer.close()
        return

    rng = np.random.default_rng(args.seed)

    def weight(*shape: int) -> np.ndarray:
        return rng.normal(0.0, 0.5, size=shape).astype(np.float32)

    ones = np.ones(N_EMBD, dtype=np.float32)
    head_dim = N_EMBD // N_HEAD
    writer.add_tensor("token_embd.weight", weight(n_vocab, N_EMBD))
    for layer in range(N_LAYER):
        prefix = f"blk.{layer}"
        writer.add_tensor(f"{prefix}.attn_norm.weight", ones)
        writer.add_tensor(f"{prefix}.attn_q.weight", weight(N_EMBD, N_EMBD))
        writer.add_tensor(f"{prefix}.attn_k.weight", weight(N_HEAD_KV * head_dim, N_EMBD))
        writer.add_tensor(f"{prefix}.attn_v.weight", weight(N_HEAD_KV * head_dim, N_EMBD))
        writer.add_tensor(f"{prefix}.attn_output.weight", weight(N_EMBD, N_EMBD))
        writer.add_tensor(f"{prefix}.ffn_norm.weight", ones)
        writer.add_tensor(f"{prefix}.ffn_gate.weight", weight(N_FF, N_EMBD))
        writer.add_tensor(f"{prefix}.ffn_up.weight", weight(N_FF, N_EMBD))
        writer.add_tensor(f"{prefix}.ffn_down.weight", weight(N_EMBD, N_FF))
    writer.add_tensor("output_norm.weight", ones)
    writer.add_tensor("output.weight", weight(n_vocab, N_EMBD))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


if __name__ == "__main__":
    main()
