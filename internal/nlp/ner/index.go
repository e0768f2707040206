package ner

// featureIndex maps feature hashes to weight-row offsets with open
// addressing. The keys are already hashes, so unlike a Go map it need not
// hash them again; lookups are the tagger's hottest path. Each slot holds
// its key and value side by side, so that a probe touches one cache line,
// not two (the table is far larger than the caches; the tagger spent about
// a tenth of its time waiting on these loads).
type featureIndex struct {
	slots []indexSlot
	mask  uint64
	// zero holds the row of the feature whose hash is 0, if any.
	zero    int32
	hasZero bool
}

// indexSlot is one slot of a featureIndex; key 0 marks an empty slot.
type indexSlot struct {
	key uint64
	val int32
}

func newFeatureIndex(rows map[uint64]int32) featureIndex {
	n := uint64(16)
	for n < uint64(len(rows))*2 {
		n <<= 1
	}
	ix := featureIndex{slots: make([]indexSlot, n), mask: n - 1}
	for h, v := range rows {
		if h == 0 {
			ix.zero, ix.hasZero = v, true
			continue
		}
		i := slot(h) & ix.mask
		for ix.slots[i].key != 0 {
			i = (i + 1) & ix.mask
		}
		ix.slots[i] = indexSlot{key: h, val: v}
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
		switch s := &ix.slots[i]; s.key {
		case h:
			return s.val, true
		case 0:
			return 0, false
		}
	}
}
