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
  // The mini-program runs on the WeChat clients we support (WeChat 8.0 or later): iOS 12+ (the
  // system's JavaScriptCore) and Android, whose logic layer is WeChat's own V8 (Chrome 70 level or
  // later). Async functions, classes and spread stay native, so no regenerator runtime or their
  // helpers in the main package. H5 keeps Taro's default targets.
  const weapp = process.env.TARO_ENV === 'weapp';
  return {
    presets: [
      [
        'taro',
        {
          framework: 'react',
          ts: true,
          compiler: 'webpack5',
          ...(weapp ? { targets: { ios: '12', chrome: '70' } } : {}),
        },
      ],
    ],
  };
};
