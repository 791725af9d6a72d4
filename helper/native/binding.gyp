{ "targets": [ { "target_name": "ferry_native", "sources": ["src/addon.c"], "cflags": ["-O2", "-Wall"] } ] }
