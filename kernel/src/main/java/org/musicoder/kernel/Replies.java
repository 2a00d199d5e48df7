package org.musicoder.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Replies whose content is written out field by field, with {@code "status": "ok"}: jjava-jupyter 1.0-a6's
 * kernel_info, history, shutdown and interrupt replies lack the status the protocol requires.
 */
final class Replies {
    private Replies() {}

    /**
     * Sends a reply to the request {@code env} answers.
     *
     * @param env    the request's reply environment
     * @param type   the reply's message type
     * @param fields its content besides the status, in order
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void ok(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> fields) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.putAll(fields);
        env.reply(new Message(env.getContext(), type, content));
    }
}
