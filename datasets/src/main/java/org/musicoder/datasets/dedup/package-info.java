package org.musicoder.datasets.dedup; /** Leaving downstream clips out of a pretraining corpus: by MTG-Jamendo id, and by audio fingerprint (index, matcher, report, exclusion list). */
