package org.musicoder.datasets; /** Dataset readers, embedded corpus, feature cache. */
