package io.dvclint.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the bundled schemas into Jackson nodes with Jackson's streaming parser. Cold, this is several times faster
 * than an ObjectMapper, which would load and configure the whole databind machinery just to read two files.
 */
final class MiniJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MiniJson() {
    }

    static JsonNode parse(String text) {
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), text)) {
            Deque<JsonNode> stack = new ArrayDeque<>();
            String name = null;
            JsonNode root = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonNode value;
                switch (t) {
                    case PROPERTY_NAME -> {
                        name = p.currentName();
                        continue;
                    }
                    case START_OBJECT -> value = F.objectNode();
                    case START_ARRAY -> value = F.arrayNode();
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        continue;
                    }
                    case VALUE_STRING -> value = F.textNode(p.getString());
                    case VALUE_NUMBER_INT -> value = F.numberNode(p.getBigIntegerValue());
                    case VALUE_NUMBER_FLOAT -> value = F.numberNode(p.getDecimalValue());
                    case VALUE_TRUE -> value = F.booleanNode(true);
                    case VALUE_FALSE -> value = F.booleanNode(false);
                    case VALUE_NULL -> value = F.nullNode();
                    default -> throw new IllegalArgumentException("unexpected JSON token " + t);
                }
                JsonNode parent = stack.peek();
                if (parent == null) root = value;
                else if (parent instanceof ObjectNode o) o.set(name, value);
                else ((ArrayNode) parent).add(value);
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) stack.push(value);
            }
            return root;
        }
    }
}
