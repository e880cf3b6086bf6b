module.exports = { ...require('../../jest.preset.js'), displayName: 'scholingsregister', rootDir: __dirname };
