package ner

// featureIndex maps feature hashes to weight-row offsets with open
// addressing. The keys are already hashes, so unlike a Go map it need not
// hash them again; lookups are the tagger's hottest path.
type featureIndex struct {
	keys []uint64 // 0 marks an empty slot
	vals []int32
	mask uint64
	// zero holds the row of the feature whose hash is 0, if any.
	zero    int32
	hasZero bool
}

func newFeatureIndex(rows map[uint64]int32) featureIndex {
	n := uint64(16)
	for n < uint64(len(rows))*2 {
		n <<= 1
	}
	ix := featureIndex{keys: make([]uint64, n), vals: make([]int32, n), mask: n - 1}
	for h, v := range rows {
		if h == 0 {
			ix.zero, ix.hasZero = v, true
			continue
		}
		i := slot(h) & ix.mask
		for ix.keys[i] != 0 {
			i = (i + 1) & ix.mask
		}
		ix.keys[i], ix.vals[i] = h, v
	}
	return ix
}

func slot(h uint64) uint64 { return h ^ h>>32 }

// get returns the row offset of feature h.
func (ix *featureIndex) get(h uint64) (int32, bool) {
	if h == 0 {
		return ix.zero, ix.hasZero
	}
	for i := slot(h) & ix.mask; ; i = (i + 1) & ix.mask {
		switch ix.keys[i] {
		case h:
			return ix.vals[i], true
		case 0:
			return 0, false
		}
	}
}
