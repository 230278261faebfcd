//! The layers run one way: no module imports one above it.

/// Lowest first; a module may use only those at or before it.
const LAYERS: &[&str] = &[
    "platform",
    "level",
    "sim",
    "policy",
    "save",
    "classroom",
    "ui",
    "screens",
];

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_one_above_it() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (rank, layer) in LAYERS.iter().enumerate() {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "src/{layer} holds no code");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for above in &LAYERS[rank + 1..] {
                for (n, line) in text.lines().enumerate() {
                    if line.contains(&format!("crate::{above}::"))
                        || line.contains(&format!("crate::{above};"))
                        || line.contains(&format!("crate::{{{above}"))
                    {
                        wrong.push(format!(
                            "{}:{}: {layer} uses {above}",
                            file.display(),
                            n + 1
                        ));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
