//! House rules of `src/` that a reader cannot see from one file.
//!
//! The layers of `docs/architecture.md` hold: no module imports from its own
//! layer or one above it (outside its tests). The table in that document is
//! what this test reads, so the two cannot drift apart. And every slug goes
//! through the one slug function.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const DOC: &str = "docs/architecture.md";

/// Layer of every top-level module, from the `## Layers` table of the doc:
/// rows `| <rank> | `module`, `module` | … |`, bottom (0) first.
fn layers(doc: &str) -> BTreeMap<String, usize> {
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("Layers"))
        .expect("docs/architecture.md has a `## Layers` section");
    let mut out = BTreeMap::new();
    for line in section.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Ok(rank) = cells[1].parse::<usize>() else {
            continue; // header and separator rows
        };
        for module in cells[2].split(',') {
            out.insert(module.trim().trim_matches('`').to_owned(), rank);
        }
    }
    out
}

/// The crate modules a source text names (`crate::x`, `$crate::x`), before its tests.
fn imports(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut out = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for (i, _) in line.match_indices("crate::") {
            let name: String = line[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Imports that break the layering: `(file, module imported)`.
fn upward(files: &[(String, String)], layers: &BTreeMap<String, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for (module, source) in files {
        let own = layers[module.as_str()];
        for import in imports(source) {
            if import == *module {
                continue;
            }
            match layers.get(&import) {
                Some(&rank) if rank < own => {}
                Some(&rank) => out.push(format!(
                    "`{module}` (layer {own}) imports `{import}` (layer {rank})"
                )),
                None => out.push(format!("`{module}` imports `{import}`, in no layer")),
            }
        }
    }
    out
}

#[test]
fn no_module_imports_from_its_layer_or_above() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let layers = layers(&fs::read_to_string(root.join(DOC)).unwrap());
    let mut paths = Vec::new();
    rust_files(&root.join("src"), &mut paths);
    let mut files = Vec::new();
    for path in paths {
        let rel = path.strip_prefix(root.join("src")).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_owned();
        if module == "lib" || module == "main" {
            continue; // the crate root and the binary sit above every layer
        }
        assert!(
            layers.contains_key(&module),
            "src/{} belongs to `{module}`, which the table in {DOC} does not place in a layer",
            rel.display()
        );
        files.push((module, fs::read_to_string(&path).unwrap()));
    }
    let wrong = upward(&files, &layers);
    assert!(
        wrong.is_empty(),
        "imports against the layers of {DOC}:\n{}",
        wrong.join("\n")
    );
}

/// The scanner itself: an upward import is found, a downward one and a
/// test's are not.
#[test]
fn an_upward_import_is_reported() {
    let layers: BTreeMap<String, usize> = [("vocab".to_owned(), 0), ("model".to_owned(), 1)].into();
    let files = vec![
        ("vocab".to_owned(), "use crate::model::Site;\n".to_owned()),
        (
            "model".to_owned(),
            "use crate::vocab::Kind;\n#[cfg(test)]\nuse crate::model::x;\n".to_owned(),
        ),
    ];
    assert_eq!(
        upward(&files, &layers),
        ["`vocab` (layer 0) imports `model` (layer 1)"]
    );
}

/// Every slug goes through `i18n::slug::slugify` (which normalises first):
/// no other file calls the `slug` crate.
#[test]
fn only_the_slug_function_calls_the_slug_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    rust_files(&root.join("src"), &mut paths);
    let others: Vec<String> = paths
        .iter()
        .filter(|p| !p.ends_with("i18n/slug.rs"))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap();
            text.replace("i18n::slug::slugify", "")
                .contains("slug::slugify")
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        others.is_empty(),
        "the slug crate called outside i18n/slug.rs: {others:?}"
    );
}
