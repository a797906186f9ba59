'use strict'
// Lint for lib/ (the JS face of the addon): a handful of rules that catch bugs, not a style guide.
const globals = require('globals')

module.exports = [
  {
    files: ['lib/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-undef': 'error',
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-unreachable': 'error',
      eqeqeq: ['error', 'smart'],
      'no-dupe-keys': 'error',
      'no-redeclare': 'error',
      'prefer-const': 'error',
      'max-len': ['error', {
        code: 120,
        ignoreStrings: true,
        ignoreTemplateLiterals: true,
        ignoreRegExpLiterals: true,
        ignoreUrls: true,
        ignoreComments: true,
      }],
    },
  },
]
