package io.github.pbkdf2dpapi.cli;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the {@code ENC(...)} values of a YAML file, every document of it, naming them as Spring
 * Boot flattens YAML ({@code a.b.c}, {@code list[0].url}). SnakeYAML composes the node tree,
 * which keeps the line of every value without building objects.
 *
 * @author pbkdf2-dpapi
 */
final class YamlEncScanner {

	private static final String MERGE_KEY = "<<";

	private YamlEncScanner() {
	}

	/**
	 * Scans a YAML file.
	 * @param text the content
	 * @param lines the same content split into lines, without line terminators
	 * @param file the file name, for error messages
	 * @return the scalar values that are {@code ENC(...)}, in file order
	 * @throws CliException (invalid input) when the file is not valid YAML; the message names the
	 * line and the problem, never the text around it
	 */
	static List<EncEntry> scan(String text, List<String> lines, String file) {
		List<EncEntry> entries = new ArrayList<>();
		Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		try {
			Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
			for (Node document : yaml.composeAll(new StringReader(text))) {
				walk(document, "", lines, seen, entries);
			}
		}
		catch (MarkedYAMLException ex) {
			// Its message quotes the offending lines, which may hold a plain secret: only the mark and problem.
			Mark mark = ex.getProblemMark();
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, file + ((mark != null) ? ":" + (mark.getLine() + 1) : "")
					+ ": not valid YAML (" + ex.getProblem() + ")");
		}
		catch (YAMLException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, file + ": not valid YAML");
		}
		return entries;
	}

	private static void walk(Node node, String path, List<String> lines, Set<Node> seen, List<EncEntry> entries) {
		// An alias repeats a node already visited under its anchor: reported (and rewritten) once, there.
		if (node == null || !seen.add(node)) {
			return;
		}
		if (node instanceof MappingNode) {
			for (NodeTuple tuple : ((MappingNode) node).getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode) {
					String key = ((ScalarNode) tuple.getKeyNode()).getValue();
					if (!MERGE_KEY.equals(key)) {
						walk(tuple.getValueNode(), join(path, key), lines, seen, entries);
					}
				}
			}
		}
		else if (node instanceof SequenceNode) {
			List<Node> items = ((SequenceNode) node).getValue();
			for (int i = 0; i < items.size(); i++) {
				walk(items.get(i), path + "[" + i + "]", lines, seen, entries);
			}
		}
		else if (node instanceof ScalarNode && !path.isEmpty()) {
			String value = ((ScalarNode) node).getValue();
			if (EncryptedValues.isEncrypted(value)) {
				entries.add(EncEntry.locate(path, value.strip(), lines, node.getStartMark().getLine(),
						node.getEndMark().getLine()));
			}
		}
	}

	/** As Spring Boot's {@code YamlProcessor} joins keys. */
	private static String join(String path, String key) {
		if (path.isEmpty()) {
			return key;
		}
		return key.startsWith("[") ? path + key : path + "." + key;
	}

}
