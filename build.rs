//! Embeds the default theme: writes `$OUT_DIR/default_theme.rs`, a sorted
//! list of every file under `themes/default/` with its bytes taken by
//! `include_bytes!`. Cargo runs this again when anything in that folder
//! changes (a directory given to `rerun-if-changed` is scanned whole), and
//! `include_bytes!` makes an edited file rebuild the crate.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const THEME: &str = "themes/default";

fn main() -> io::Result<()> {
    println!("cargo:rerun-if-changed={THEME}");
    // Read when the script runs, not baked in when it was compiled: a build
    // of another checkout sharing this target folder may have compiled it.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .ok_or_else(|| io::Error::other("no CARGO_MANIFEST_DIR"))?;
    let root = Path::new(&manifest_dir).join(THEME);
    let mut files = Vec::new();
    collect(&root, &mut files)?;
    files.sort();
    let mut out = String::from(
        "/// Every file of `themes/default/`, sorted: its path inside the theme\n\
         /// (forward slashes) and its bytes.\n\
         pub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n",
    );
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .map_err(io::Error::other)?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        out.push_str(&format!(
            "    ({rel:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {:?}))),\n",
            format!("/{THEME}/{rel}")
        ));
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").ok_or_else(|| io::Error::other("no OUT_DIR"))?);
    fs::write(dest.join("default_theme.rs"), out)
}

/// Every file under `dir`, at any depth.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
