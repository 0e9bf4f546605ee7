// (The declaration in include/fuzzdriver.h is libFuzzer's; this file only makes the target.)
