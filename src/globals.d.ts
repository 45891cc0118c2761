/** Set by webpack's DefinePlugin. */
declare const __JIXIAO_VERSION__: string;
