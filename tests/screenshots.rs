//! The committed screenshots are the app's current screens, and they render.

use std::path::Path;
use std::process::Command;

use versus::{data, screenshots, ui};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/screenshots");
const REGENERATE: &str = "cargo run -- screenshot --out screenshots";

fn scenes() -> Vec<(String, String, String)> {
    let c = data::default_comparison().unwrap_or_else(|e| panic!("{e}"));
    screenshots::scenes(&c, 100, 30)
        .into_iter()
        .map(|(name, buffer)| (name, ui::svg::render(&buffer), screenshots::text(&buffer)))
        .collect()
}

#[test]
fn committed_screenshots_are_current() {
    let scenes = scenes();
    assert!(scenes.len() >= 10, "every tab, help, search, palette and the wizard result");
    for (name, svg, text) in &scenes {
        for (ext, want) in [("svg", svg), ("txt", text)] {
            let path = Path::new(DIR).join(format!("{name}.{ext}"));
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(committed == *want, "{} is out of date: regenerate with `{REGENERATE}`", path.display());
        }
    }
    let expected = scenes.len() * 2;
    let on_disk = std::fs::read_dir(DIR).map(|d| d.count()).unwrap_or(0);
    assert_eq!(
        on_disk, expected,
        "screenshots/ has stale files: regenerate with `{REGENERATE}` into an empty directory"
    );
}

#[test]
fn screenshots_render_to_images_of_the_right_size_that_are_not_blank() {
    let out = std::env::temp_dir().join(format!("versus-png-{}", std::process::id()));
    std::fs::create_dir_all(&out).expect("temp dir");
    for (name, svg, _) in scenes() {
        let svg_path = out.join(format!("{name}.svg"));
        let png_path = out.join(format!("{name}.png"));
        std::fs::write(&svg_path, svg).expect("write svg");
        let status = Command::new("rsvg-convert")
            .arg(&svg_path)
            .arg("-o")
            .arg(&png_path)
            .status()
            .expect("rsvg-convert runs (apt-get install librsvg2-bin; .ci/run installs it)");
        assert!(status.success(), "rsvg-convert failed on {name}");
        let decoder = png::Decoder::new(std::fs::File::open(&png_path).expect("png"));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).expect("pixels");
        // Scenes are 100×30 cells unless their name says otherwise; a cell is 8.4×17 px.
        let (w, h) = match name.strip_prefix("size-").and_then(|n| n.split('-').next()).and_then(|s| s.split_once('x'))
        {
            Some((w, h)) => (w.parse::<u32>().expect("width"), h.parse::<u32>().expect("height")),
            None => (100, 30),
        };
        assert_eq!((info.width, info.height), (w * 84 / 10, h * 17), "{name}: {w}×{h} cells of 8.4×17 px");
        let bytes = info.color_type.samples();
        let mut colours: Vec<&[u8]> = pixels[..info.buffer_size()].chunks(bytes).collect();
        colours.sort_unstable();
        colours.dedup();
        assert!(colours.len() > 20, "{name} looks blank: {} colours", colours.len());
    }
    let _ = std::fs::remove_dir_all(&out);
}
