package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.PropertySource;

/**
 * A live view of the map behind a {@code MapPropertySource} whose {@code ENC(...)} values read
 * decrypted. Code that reads the map of a source directly (Spring Boot copies the system
 * environment map; others cast {@code getSource()} to a {@code Map}) sees the same values as
 * {@code getProperty}. Writes go to the underlying map. An {@link OriginTrackedValue} stays one,
 * with its origin.
 *
 * @author pbkdf2-dpapi
 */
final class DecryptingMap extends AbstractMap<String, Object> {

	private final Map<String, Object> map;

	private final PropertySource<?> original;

	private final EncryptedValueResolver resolver;

	DecryptingMap(Map<String, Object> map, PropertySource<?> original, EncryptedValueResolver resolver) {
		this.map = map;
		this.original = original;
		this.resolver = resolver;
	}

	@Override
	public Object get(Object key) {
		Object value = this.map.get(key);
		return (key instanceof String name) ? decrypt(name, value) : value;
	}

	private Object decrypt(String name, Object value) {
		if (value instanceof OriginTrackedValue tracked && this.resolver.isEncrypted(tracked.getValue())) {
			return OriginTrackedValue.of(this.resolver.resolve(this.original, name, tracked.getValue()),
					tracked.getOrigin());
		}
		return this.resolver.resolve(this.original, name, value);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.map.containsKey(key);
	}

	@Override
	public int size() {
		return this.map.size();
	}

	@Override
	public boolean isEmpty() {
		return this.map.isEmpty();
	}

	@Override
	public Set<String> keySet() {
		return this.map.keySet();
	}

	@Override
	public Object put(String key, Object value) {
		return decrypt(key, this.map.put(key, value));
	}

	@Override
	public Object remove(Object key) {
		Object value = this.map.remove(key);
		return (key instanceof String name) ? decrypt(name, value) : value;
	}

	@Override
	public void clear() {
		this.map.clear();
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, Object>> iterator() {
				Iterator<Entry<String, Object>> entries = DecryptingMap.this.map.entrySet().iterator();
				return new Iterator<>() {

					@Override
					public boolean hasNext() {
						return entries.hasNext();
					}

					@Override
					public Entry<String, Object> next() {
						Entry<String, Object> entry = entries.next();
						return new SimpleImmutableEntry<>(entry.getKey(), decrypt(entry.getKey(), entry.getValue()));
					}

					@Override
					public void remove() {
						entries.remove();
					}

				};
			}

			@Override
			public int size() {
				return DecryptingMap.this.map.size();
			}

		};
	}

	@Override
	public String toString() {
		// Never print values, decrypted or not.
		return "DecryptingMap" + this.map.keySet();
	}

}
