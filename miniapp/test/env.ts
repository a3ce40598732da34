// Before any module loads: the app reads TARO_ENV at import time (as the Taro build inlines it).
process.env.TARO_ENV = 'h5';
