#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| scrutineer_fuzz::checks::period(data));
