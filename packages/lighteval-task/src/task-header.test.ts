import { describe, expect, test } from "vitest";
import { renderLightevalTask } from "./render-lighteval-task.js";
import { renderLmEvalTask } from "./render-lm-eval-task.js";
import { taskHeaderFor } from "./task-header.js";

const dataset = { path: "/data/exam" };

describe("the header in the dataset's language", () => {
  test("a Japanese dataset is introduced in Japanese, with and without a subject", () => {
    const { source } = renderLightevalTask({ name: "ja_exam", dataset, language: "ja" });
    expect(source).toContain('HEADER = "以下は多肢選択式の問題（解答付き）です。"');
    expect(source).toContain('HEADER_ABOUT = ["以下は", "に関する多肢選択式の問題（解答付き）です。"]');
    expect(source).not.toContain('HEADER = "The following');
  });

  test("the lm-eval YAML uses the same header", () => {
    const { yaml } = renderLmEvalTask({ name: "zh_exam", dataset, language: "zh" });
    const description = yaml.split("\n").find((line) => line.startsWith("description: ")) as string;
    // YAML double-quoted escapes (\uXXXX) read the same as JSON's here
    const text = JSON.parse(description.slice("description: ".length)) as string;
    expect(text).toContain("以下是关于{{ subject|replace('_', ' ')|trim }}的单项选择题（附答案）。");
    expect(text).toContain("{% else %}以下是单项选择题（附答案）。{% endif %}");
  });

  test("an instruction overrides the language's header", () => {
    const { source } = renderLightevalTask({
      name: "ja_exam",
      dataset,
      language: "ja",
      instruction: "次の問題に答えよ。",
    });
    expect(source).toContain('INSTRUCTION = "次の問題に答えよ。"');
  });

  test("regional codes use their language; a language without a header gets English", () => {
    expect(taskHeaderFor({ language: "pt-BR" }).plain).toMatch(/^A seguir/);
    expect(taskHeaderFor({ language: "fi" }).plain).toBe("The following are multiple choice questions (with answers).");
    expect(taskHeaderFor({}).plain).toBe("The following are multiple choice questions (with answers).");
  });

  test("a language that is not a code is refused naming the field", () => {
    expect(() => renderLightevalTask({ name: "exam", dataset, language: "Japanese" })).toThrow(
      expect.objectContaining({ field: "language" }),
    );
  });
});
