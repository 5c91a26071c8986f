// ESLint for the library, kernel, extension and tests (TypeScript via typescript-eslint).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "dist/**",
      "kernel/dist/**",
      "extension/lib/**",
      "kernel/lite/lib/**",
      "kernel/lite/labextensions/**",
      "site/_output/**",
      "site/.contents/**",
      "extension/jupyterlab_poolscope/labextension/**",
      ".venv/**",
      "test/artifacts/**",
      // AssemblyScript (compiled by asc, not tsc): its types (f32, v128, usize) are not TypeScript's
      "src/backend/wasm/assembly/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        document: "readonly",
        window: "readonly",
        ImageData: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
