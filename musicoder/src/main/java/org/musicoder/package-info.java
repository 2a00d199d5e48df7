package org.musicoder; /** MusiCoder library. */
