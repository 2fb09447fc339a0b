package ingest

// SetExtractTuning changes the extraction tuning for experiments in tests.
func SetExtractTuning(skipDateSearch bool, fallbackBelowBytes int, always bool) {
	skipExtensiveDateSearch, fallbackBelow, alwaysFallback = skipDateSearch, fallbackBelowBytes, always
}

// CPUTime exports cpuTime to the external test package.
var CPUTime = cpuTime
