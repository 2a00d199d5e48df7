/**
 * Libraries added to a running Java session: Maven artifacts with their runtime dependencies ({@code %maven}, through
 * Maven Resolver), local jars ({@code %jars}), and the kernel's own jars, which always win a conflict.
 */
package org.musicoder.kernel.libraries;
