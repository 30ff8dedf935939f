// ESLint (flat config): the browser scripts' sources (js/src/, ES modules for browsers) and their
// tests and tools (js/test/, js/build.js, Node). The bundles in overrides/assets/javascripts/ are
// generated from js/src/ (js/build.js) and the iframe-worker files are a vendored shim: not linted.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["overrides/**", "site/**", "site.*/**", "dist/**", "node_modules/**", ".venv*/**"] },
  js.configs.recommended,
  {
    files: ["js/src/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["js/test/**/*.js", "js/build.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
  {
    rules: {
      // The CSP allows no eval: script-src 'self' plus hashes.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];
