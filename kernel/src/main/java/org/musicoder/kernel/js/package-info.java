/**
 * JavaScript cells on GraalVM's polyglot engine: one {@link org.musicoder.kernel.js.JsSession} per kernel session,
 * started on the first evaluation, sharing Java objects with JS through the polyglot bindings. The kernel wires it
 * as the {@code %%js} cell magic. Only {@code JsContext}, {@code JsValues} and {@code JsErrors} refer to GraalVM
 * classes, and only a first evaluation loads them, so a session that never evaluates JS loads no GraalVM class.
 */
package org.musicoder.kernel.js;
