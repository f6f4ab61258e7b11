package herald.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The template library ({@code content/caption-templates.yaml}): templates per post type and tone, and the phrasing
 * pieces per tone. Loaded once and checked whole at startup: an unknown slot, an unbalanced bracket or a missing
 * piece stops the application instead of producing a broken caption later.
 */
@Component
class TemplateLibrary {

    static final String RESOURCE = "content/caption-templates.yaml";
    static final List<String> POST_TYPES = List.of(
            "general", "promotional", "product_showcase", "weekend_driver", "engagement_poll", "customer_appreciation");
    static final Set<String> SLOTS = Set.of(
            "item", "description", "summary", "workspace", "about", "context", "opener", "cta", "emoji", "wordline");
    static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

    /** One template and where it comes from, for remembering which ones a workspace used lately. */
    record Template(String id, String text) {}

    private final Map<String, Map<String, List<Template>>> templates;
    private final Map<String, Map<Tone, List<String>>> pieces;
    private final Map<String, List<String>> hashtags;

    @Autowired
    TemplateLibrary() {
        this(load(RESOURCE));
    }

    @SuppressWarnings("unchecked")
    TemplateLibrary(Map<String, Object> yaml) {
        this.pieces = new LinkedHashMap<>();
        for (String kind : List.of("openers", "ctas", "emoji", "word-lines")) {
            Map<String, Object> byTone = section(yaml, kind);
            Map<Tone, List<String>> lists = new LinkedHashMap<>();
            for (Tone tone : Tone.values()) {
                List<String> list = strings(byTone.get(tone.value()), kind + "." + tone.value());
                lists.put(tone, list);
            }
            pieces.put(kind, lists);
        }
        for (List<String> lines : pieces.get("word-lines").values()) {
            for (String line : lines) {
                if (!line.contains("{word}")
                        || SLOT.matcher(line.replace("{word}", "")).find()) {
                    throw new IllegalStateException("A word line takes exactly the slot {word}: " + line);
                }
            }
        }
        this.hashtags = new LinkedHashMap<>();
        Map<String, Object> tags = section(yaml, "hashtags");
        for (String type : POST_TYPES) {
            hashtags.put(type, strings(tags.get(type), "hashtags." + type));
        }
        this.templates = new LinkedHashMap<>();
        Map<String, Object> types = section(yaml, "templates");
        for (String type : types.keySet()) {
            if (!POST_TYPES.contains(type)) {
                throw new IllegalStateException("Unknown post type in the template library: " + type);
            }
        }
        for (String type : POST_TYPES) {
            Map<String, Object> byTone = (Map<String, Object>) types.get(type);
            if (byTone == null) {
                throw new IllegalStateException("The template library has no templates for " + type);
            }
            Map<String, List<Template>> cells = new LinkedHashMap<>();
            for (var entry : byTone.entrySet()) {
                String tone = entry.getKey();
                if (!"any".equals(tone)) {
                    Tone.of("tone", tone);
                }
                List<Template> list = new ArrayList<>();
                List<String> texts = strings(entry.getValue(), "templates." + type + "." + tone);
                for (int i = 0; i < texts.size(); i++) {
                    check(texts.get(i), type + "." + tone + "[" + i + "]");
                    list.add(new Template(type + "." + tone + "." + i, texts.get(i)));
                }
                cells.put(tone, List.copyOf(list));
            }
            templates.put(type, cells);
        }
    }

    /** The templates for {@code type} in {@code tone}: the tone's own and the type's {@code any} ones. */
    List<Template> cell(String type, Tone tone) {
        Map<String, List<Template>> cells = templates.get(type);
        List<Template> cell = new ArrayList<>(cells.getOrDefault(tone.value(), List.of()));
        cell.addAll(cells.getOrDefault("any", List.of()));
        if (cell.isEmpty() && !"general".equals(type)) {
            return cell("general", tone);
        }
        return cell;
    }

    List<String> openers(Tone tone) {
        return pieces.get("openers").get(tone);
    }

    List<String> ctas(Tone tone) {
        return pieces.get("ctas").get(tone);
    }

    List<String> emoji(Tone tone) {
        return pieces.get("emoji").get(tone);
    }

    List<String> wordLines(Tone tone) {
        return pieces.get("word-lines").get(tone);
    }

    List<String> hashtags(String type) {
        return hashtags.get(type);
    }

    /** Every template text, for the library's own tests. */
    List<Template> all() {
        return templates.values().stream()
                .flatMap(cells -> cells.values().stream())
                .flatMap(List::stream)
                .toList();
    }

    static void check(String template, String where) {
        Matcher m = SLOT.matcher(template);
        while (m.find()) {
            if (!SLOTS.contains(m.group(1))) {
                throw new IllegalStateException("Unknown slot {" + m.group(1) + "} in template " + where);
            }
        }
        int depth = 0;
        for (char c : template.toCharArray()) {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth < 0 || depth > 1) {
                throw new IllegalStateException("Unbalanced or nested [brackets] in template " + where);
            }
        }
        if (depth != 0) {
            throw new IllegalStateException("Unbalanced [brackets] in template " + where);
        }
        if (!template.replaceAll("\\[[^]]*]", "").contains("{item}")) {
            throw new IllegalStateException("Template " + where + " does not name the item outside optional parts");
        }
        if (template.chars().filter(c -> c == '{').count()
                != template.chars().filter(c -> c == '}').count()) {
            throw new IllegalStateException("Unbalanced {braces} in template " + where);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> yaml, String name) {
        Object value = yaml.get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("The template library has no section '" + name + "'");
        }
        return (Map<String, Object>) map;
    }

    private static List<String> strings(Object value, String where) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("The template library needs a non-empty list at " + where);
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw new IllegalStateException("Only text belongs in the list at " + where);
            }
            strings.add(s);
        }
        return List.copyOf(strings);
    }

    static Map<String, Object> load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (yaml == null) {
                throw new IllegalStateException("The template library " + resource + " is empty");
            }
            return yaml;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the template library " + resource, e);
        }
    }
}
