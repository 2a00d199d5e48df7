package org.musicoder.cli; /** Command line. */
