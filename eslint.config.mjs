// ESLint 9 flat config (issue 13, item 10): typescript-eslint with type information, Next.js's own rules,
// accessibility (jsx-a11y) and the rules of hooks. Formatting is prettier's job (npm run format), not ESLint's.
// A rule is switched off or down only with the reason next to it.
import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "bench/out/**",
      "next-env.d.ts",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  nextPlugin.configs["core-web-vitals"],
  jsxA11y.flatConfigs.recommended,
  reactHooks.configs.flat.recommended,
  {
    rules: {
      // `_`-prefixed names mark parameters a signature requires but the body does not use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Server actions are passed to onClick/onSubmit as async functions; React handles the promise.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // async is the signature the caller requires (next-auth callbacks, Prisma's adapter factory, fakes of async
      // functions in tests); an await-less body there is not a mistake.
      "@typescript-eslint/require-await": "off",
      // A scrollable table region must be reachable by keyboard (axe "scrollable-region-focusable", WCAG 2.1.1).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: [] }],
    },
  },
  {
    files: ["test/**/*.ts", "e2e/**/*.ts", "e2e-ops/**/*.ts", "bench/**/*.ts"],
    rules: {
      // Tests read JSON bodies and database rows of unknown shape (res.json(), JSON.parse) and assert on them:
      // the expect() is the type check there, and a cast on every line would only hide what is being asserted.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
