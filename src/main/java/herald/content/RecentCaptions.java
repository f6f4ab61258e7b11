package herald.content;

import herald.shared.WorkspaceId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What template mode wrote lately per workspace, on this node: the templates it used (to prefer others next time) and
 * the captions themselves (never to answer the same text twice). Stored posts are checked through {@link Similarity};
 * this covers the captions generated but not (yet) posted. Bounded, and lost on restart, which only costs variety.
 */
@Component
class RecentCaptions {

    private static final int WORKSPACES = 5_000;
    private static final int TEMPLATES = 40;
    private static final int TEXTS = 400;

    private final Map<WorkspaceId, Memory> memories = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<WorkspaceId, Memory> eldest) {
            return size() > WORKSPACES;
        }
    };

    private static final class Memory {
        final Deque<String> templates = new ArrayDeque<>();
        final Deque<String> texts = new ArrayDeque<>();
    }

    /** How recently the template was used: 0 when not lately, higher for more recent use. */
    synchronized int recency(WorkspaceId workspace, String template) {
        Memory memory = memories.get(workspace);
        if (memory == null) {
            return 0;
        }
        int position = 0;
        for (var it = memory.templates.descendingIterator(); it.hasNext(); position++) {
            if (it.next().equals(template)) {
                return TEMPLATES - position;
            }
        }
        return 0;
    }

    synchronized boolean wrote(WorkspaceId workspace, String text) {
        Memory memory = memories.get(workspace);
        return memory != null && memory.texts.contains(key(text));
    }

    synchronized void remember(WorkspaceId workspace, String template, String text) {
        Memory memory = memories.computeIfAbsent(workspace, w -> new Memory());
        memory.templates.remove(template);
        memory.templates.addLast(template);
        while (memory.templates.size() > TEMPLATES) {
            memory.templates.removeFirst();
        }
        memory.texts.addLast(key(text));
        while (memory.texts.size() > TEXTS) {
            memory.texts.removeFirst();
        }
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
