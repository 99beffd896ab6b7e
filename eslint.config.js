// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const CORE_FORBIDDEN = [
  { name: "discord.js", message: "src/news is the pure core: no Discord here." },
  { name: "keyv", message: "src/news is the pure core: no storage here." },
  { name: "node-cron", message: "src/news is the pure core: time is a parameter." },
  { name: "fs", message: "src/news is the pure core: the caller reads files." },
  { name: "node:fs", message: "src/news is the pure core: the caller reads files." },
  { name: "fs/promises", message: "src/news is the pure core: the caller reads files." },
  { name: "node:fs/promises", message: "src/news is the pure core: the caller reads files." },
  { name: "pino", message: "src/news is the pure core: return problems, do not log." },
];

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "coverage/", ".scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["eslint.config.js", "src/corpus/worker-boot.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": "off",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-confusing-void-expression": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/news/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: CORE_FORBIDDEN, patterns: [{ group: ["@keyv/*", "../discord/*", "../store/*", "../digest/*", "../corpus/*"], message: "src/news is the pure core." }] }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/news takes the time as a parameter (now: Date)." },
        { selector: "CallExpression[callee.name='Date']", message: "src/news takes the time as a parameter (now: Date)." },
      ],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "src/news takes the time as a parameter." }],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: { "no-console": "off" },
  },
  { files: ["eslint.config.js"], ...tseslint.configs.disableTypeChecked },
);
