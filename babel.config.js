// Taro builds use babel-preset-taro; jest runs TypeScript and JSX through plain presets, because
// the Taro preset targets the mini-program bundlers, not Node.
module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  };
};
