package dev.autobaseline.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a catalog again: columns read only for relations whose content key is new, equal
 * relations shared as one instance, nothing kept beyond the last read.
 */
class RelationCacheTests {

	private final RelationCache cache = new RelationCache();

	private final List<List<String>> columnReads = new ArrayList<>();

	@Test
	void columnsAreReadOnlyForNewContentKeys() {
		CatalogSnapshot first = read(listed("book", "k1"), listed("author", "k2"));
		CatalogSnapshot second = read(listed("book", "k1"), listed("author", "k3"), listed("loan", "k4"));
		assertThat(this.columnReads).containsExactly(List.of("book", "author"), List.of("author", "loan"));
		assertThat(second.relations().get("book")).isSameAs(first.relations().get("book"));
		assertThat(second.relations().get("author").columns()).containsExactly("id", "author-k3");
	}

	@Test
	void relationsWithoutContentKeyAreReadEveryTimeButShareEqualInstances() {
		CatalogSnapshot first = read(listed("report", null));
		CatalogSnapshot second = read(listed("report", null));
		assertThat(this.columnReads).hasSize(2);
		assertThat(second.relations().get("report")).isSameAs(first.relations().get("report"));
	}

	@Test
	void aKeySeenUnderAnotherNameGivesThatNameWithTheKnownColumns() {
		read(listed("book", "same"));
		CatalogSnapshot renamed = this.cache.read(List.of(new RelationCache.Listed("novel", Relation.Kind.VIEW, "same", "novel")),
				this::columns);
		Relation novel = renamed.relations().get("novel");
		assertThat(novel.name()).isEqualTo("novel");
		assertThat(novel.kind()).isEqualTo(Relation.Kind.VIEW);
		assertThat(novel.columns()).containsExactly("id", "book-same");
		assertThat(this.columnReads).hasSize(1);
	}

	@Test
	void whatTheLastReadDidNotUseIsForgotten() {
		read(listed("book", "k1"));
		read(listed("author", "k2"));
		read(listed("loan", "k3"));
		read(listed("book", "k1"));
		assertThat(this.columnReads).hasSize(4);
	}

	@Test
	void fullyReadRelationsShareInstancesWithEarlierReads() {
		CatalogSnapshot first = read(listed("book", "k1"));
		CatalogSnapshot shared = this.cache.share(List.of(new Relation("book", Relation.Kind.TABLE, List.of("id", "book-k1"))));
		assertThat(shared.relations().get("book")).isSameAs(first.relations().get("book"));
	}

	private CatalogSnapshot read(RelationCache.Listed... listed) {
		return this.cache.read(List.of(listed), this::columns);
	}

	private Map<String, List<String>> columns(List<String> handles) {
		this.columnReads.add(List.copyOf(handles));
		Map<String, List<String>> columns = new java.util.HashMap<>();
		// The columns follow from the content key, as a dialect's keys promise.
		handles.forEach((handle) -> columns.put(handle, List.of("id", this.keys.get(handle))));
		return columns;
	}

	private final Map<String, String> keys = new java.util.HashMap<>();

	private RelationCache.Listed listed(String name, String contentKey) {
		this.keys.put(name, name + "-" + contentKey);
		return new RelationCache.Listed(name, Relation.Kind.TABLE, contentKey, name);
	}

}
