// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
    // Import NutUI components (and only their styles) on demand so the main package stays small.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
    // H5 only: Taro's React adapter for its web components is one module, so whatever any page uses
    // (the map, textarea …) went into the chunk every page shares. Importing each component from
    // its own instance of that module (a query makes webpack treat it as a separate module, tree-shaken
    // down to that one component) gives each page only the components it renders. The weapp build
    // has no such module and stays as it was.
    ...(process.env.TARO_ENV === 'h5'
      ? [
          [
            'import',
            {
              libraryName: '@tarojs/components',
              camel2DashComponentName: false,
              transformToDefaultImport: false,
              customName: (name) => `@tarojs/components/lib/react/components.js?${name}`,
            },
            'taro-components-h5',
          ],
        ]
      : []),
  ],
};
