//! `--help` in the messages language. clap writes its own headings
//! ("Usage:", "Options:"), its `[default: …]` notes and its help flag's words
//! in English; for Vietnamese the command is given Vietnamese words for
//! every command and argument, and templates with Vietnamese headings.
//!
//! The language must be known before clap parses: [`language`] reads
//! `--lang` from the arguments, else `VINHDANH_LANG`, else the site's
//! default language from the `site.toml` in `--root` or here.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, Command};

use crate::config::messages_language;
use crate::diagnostic::Lang;

/// The messages language, found before the arguments are parsed.
pub fn language(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value_of = |flag: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&format!("{flag}="))
                .map(str::to_owned)
                .or_else(|| (a == flag).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    let chosen = value_of("--lang")
        .or_else(|| std::env::var("VINHDANH_LANG").ok())
        .and_then(|l| l.parse::<Lang>().ok());
    let root = value_of("--root").map_or_else(|| PathBuf::from("."), PathBuf::from);
    messages_language(&root, chosen)
}

/// `command` with its words in `lang` (English: as written in the code).
pub fn localised(command: Command, lang: Lang) -> Command {
    let command = command.disable_help_subcommand(true);
    match lang {
        Lang::En => command,
        Lang::Vi => vietnamese(command),
    }
}

/// Vietnamese words: (command, about, usage, [(argument, help, value name)]).
type Words = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const ROOT: (&str, &str, &str) = (
    "root",
    "Thư mục của trang, nơi có site.toml (mặc định: thư mục hiện tại)",
    "THƯ_MỤC",
);

const COMMANDS: &[Words] = &[
    (
        "build",
        "Dựng trang vào thư mục kết quả (thay cả thư mục, chỉ khi dựng thành công)",
        "vinhdanh build [TÙY_CHỌN]",
        &[
            ROOT,
            (
                "output_dir",
                "Nơi ghi trang (mặc định: output_dir trong site.toml, nếu không có thì public/ trong thư mục trang)",
                "THƯ_MỤC",
            ),
            (
                "base_url",
                "Dùng địa chỉ này thay cho base_url trong site.toml",
                "URL",
            ),
            ("drafts", "Dựng cả bản nháp (có ghi rõ là bản nháp)", ""),
        ],
    ),
    (
        "serve",
        "Xem trước trang: dựng trong bộ nhớ, phục vụ, dựng lại và tải lại sau mỗi lần sửa",
        "vinhdanh serve [TÙY_CHỌN]",
        &[
            ROOT,
            (
                "bind",
                "Địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này xem được)",
                "ĐỊA_CHỈ",
            ),
            (
                "port",
                "Cổng lắng nghe (mặc định 1111; 0: cổng trống bất kỳ)",
                "CỔNG",
            ),
        ],
    ),
    (
        "check",
        "Kiểm tra mọi thứ như khi dựng, không ghi gì, rồi báo những gì chưa dịch",
        "vinhdanh check [TÙY_CHỌN]",
        &[ROOT, ("drafts", "Kiểm tra cả bản nháp", "")],
    ),
    (
        "new",
        "Tạo một tệp nội dung mới, có đủ các trường kèm chú thích",
        "vinhdanh new [TÙY_CHỌN] <LOẠI> <TÊN>",
        &[
            (
                "kind",
                "Tạo gì: profile (hồ sơ), campaign (phong trào) hoặc awards (danh sách khen thưởng)",
                "LOẠI",
            ),
            (
                "name",
                "Tên: của người hoặc tập thể, của phong trào, hoặc số quyết định của danh sách khen thưởng; tệp được đặt theo tên này",
                "TÊN",
            ),
            (
                "issuer",
                "Danh sách khen thưởng: người ký quyết định (cũng có trong tên tệp)",
                "NGƯỜI_KÝ",
            ),
            (
                "year",
                "Danh sách khen thưởng: năm của quyết định (có trong tên tệp)",
                "NĂM",
            ),
            ROOT,
        ],
    ),
    (
        "init",
        "Tạo một trang mới, tối giản, dựng được ngay",
        "vinhdanh init [TÙY_CHỌN] [THƯ_MỤC]",
        &[(
            "dir",
            "Thư mục của trang mới, được tạo cùng các thư mục cha nếu chưa có (mặc định: thư mục hiện tại)",
            "THƯ_MỤC",
        )],
    ),
];

const LANG_HELP: &str = "Ngôn ngữ của thông báo: vi hoặc en (hoặc biến môi trường VINHDANH_LANG; mặc định: ngôn ngữ chính của trang)";

fn vietnamese(command: Command) -> Command {
    let mut command = with_flags(command, true)
        .about("vinhdanh dựng trang web song ngữ về các tập thể, cá nhân điển hình tiên tiến, phong trào thi đua và quyết định khen thưởng")
        .override_usage("vinhdanh [TÙY_CHỌN] <LỆNH>")
        .help_template(
            "{about}\n\nCách dùng: {usage}\n\nLệnh:\n{subcommands}\n\nTùy chọn:\n{options}\n",
        )
        .mut_arg("lang", |a| a.help(LANG_HELP).hide_env(true));
    for &(name, about, usage, args) in COMMANDS {
        command = command.mut_subcommand(name, |sub| {
            let has_positionals = sub.get_positionals().next().is_some();
            let template = match has_positionals {
                true => "{about}\n\nCách dùng: {usage}\n\nĐối số:\n{positionals}\n\nTùy chọn:\n{options}\n",
                false => "{about}\n\nCách dùng: {usage}\n\nTùy chọn:\n{options}\n",
            };
            let mut sub = with_flags(sub, false)
                .about(about)
                .override_usage(usage)
                .help_template(template);
            for &(arg, help, value) in args {
                // A flag without a value has no default or possible values to hide.
                sub = sub.mut_arg(arg, |a| match value {
                    "" => a.help(help),
                    value => a
                        .help(help)
                        .value_name(value)
                        .hide_default_value(true)
                        .hide_possible_values(true),
                });
            }
            sub
        });
    }
    command
}

/// Replaces clap's `-h`/`-V` flags with ones that say what they do in Vietnamese.
fn with_flags(command: Command, version: bool) -> Command {
    let command = command.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("In trợ giúp này"),
    );
    match version {
        true => command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In số phiên bản"),
        ),
        false => command,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// A new command or argument without Vietnamese words fails here.
    #[test]
    fn every_command_and_argument_has_vietnamese_words() {
        let cli = Cli::command();
        for sub in cli.get_subcommands() {
            let words = COMMANDS.iter().find(|(name, ..)| *name == sub.get_name());
            let Some((_, _, _, args)) = words else {
                panic!("no Vietnamese words for `{}`", sub.get_name());
            };
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(
                    id == "lang" || args.iter().any(|(a, ..)| *a == id),
                    "no Vietnamese words for `{} --{id}`",
                    sub.get_name()
                );
            }
        }
        localised(Cli::command(), Lang::Vi).debug_assert();
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            language(&args(&["vinhdanh", "--lang", "en", "build"])),
            Lang::En
        );
        assert_eq!(
            language(&args(&["vinhdanh", "build", "--lang=en"])),
            Lang::En
        );
    }
}
