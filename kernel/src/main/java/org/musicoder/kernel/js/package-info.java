/**
 * JavaScript cells on GraalVM's polyglot engine: one {@link org.musicoder.kernel.js.JsSession} per kernel session,
 * started on the first evaluation, sharing Java objects with JS through the polyglot bindings. The kernel wires it
 * as the {@code %%js} cell magic. Only {@code JsContext}, {@code JsValues}, {@code JsErrors} and {@code JsMode}'s
 * callers inside {@code JsContext} touch GraalVM classes, so a session that never evaluates JS loads none of them.
 */
package org.musicoder.kernel.js;
