module.exports = { ...require('../../jest.preset.js'), displayName: 'regelingen', rootDir: __dirname };
