/** The "core-cloudbase" jest project: every core rule test on the CloudBase store (emulator). */
process.env.BDB_CORE_STORE = 'cloudbase';
