//! The `vinhdanh` binary: parse arguments, run the library, show problems,
//! return the exit status (0 success, 1 content errors, 2 usage errors).

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// mimalloc: every thread allocates many small strings at once while rendering;
/// glibc malloc spent about a tenth of a build in its own bookkeeping (perf).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::sync::Arc;

use clap::Parser;
use vinhdanh::cli::{Cli, Command};
use vinhdanh::config::messages_language;
use vinhdanh::diagnostic::report::{self, ReportStyle};
use vinhdanh::scaffold::{NewOptions, new_file};
use vinhdanh::serve::{self, ServeEvent, ServeOptions};
use vinhdanh::{BuildOptions, Diagnostics, Lang, build_site, check_site};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Build(args) => {
            let options = BuildOptions {
                root: args.root,
                output_dir: args.output_dir,
                base_url: args.base_url,
                drafts: args.drafts,
                lang: cli.lang,
                ..BuildOptions::default()
            };
            let started = std::time::Instant::now();
            match build_site(&options) {
                Ok(built) => {
                    println!(
                        "{}",
                        report::built(
                            built.profiles,
                            built.pages,
                            built.copied,
                            started.elapsed().as_millis(),
                            &built.output_dir,
                            built.lang
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    // The site may not have loaded: read what can be read of site.toml.
                    let lang = messages_language(&options.root, cli.lang);
                    report_problems(&problems, &options.root, lang, true)
                }
            }
        }
        Command::Check(args) => {
            let options = BuildOptions {
                root: args.root,
                drafts: args.drafts,
                lang: cli.lang,
                ..BuildOptions::default()
            };
            match check_site(&options) {
                Ok(translations) => {
                    println!("{}", report::no_errors(translations.lang));
                    print!("{}", translations.text(translations.lang));
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    let lang = messages_language(&options.root, cli.lang);
                    report_problems(&problems, &options.root, lang, false)
                }
            }
        }
        Command::New(args) => {
            let lang = messages_language(&args.root, cli.lang);
            let options = NewOptions {
                root: args.root,
                kind: args.kind,
                name: args.name,
                lang: cli.lang,
            };
            match new_file(&options) {
                Ok(rel) => {
                    println!("{}", report::created(&rel, lang));
                    ExitCode::SUCCESS
                }
                Err(problems) => report_problems(&problems, &options.root, lang, false),
            }
        }
        Command::Serve(args) => {
            let lang = messages_language(&args.root, cli.lang);
            let options = ServeOptions {
                root: args.root,
                bind: args.bind,
                port: args.port,
                lang: cli.lang,
            };
            // Many systems start programs with room for 1024 open files;
            // the preview's connection cap is half of what it gets here.
            let _ = serve::conn::raise_open_file_limit();
            let show = move |event: ServeEvent<'_>| show_serve_event(event, lang);
            match serve::serve(&options, Arc::new(show)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn show_serve_event(event: ServeEvent<'_>, lang: Lang) {
    match event {
        ServeEvent::Listening { url } => {
            println!("Serving the site at {url}/ (drafts shown; Ctrl-C stops)")
        }
        ServeEvent::Exposed { listen, reach, url } => {
            if let Some(warning) = serve::address::warning(listen, reach, url, lang) {
                eprintln!("{warning}");
            }
        }
        ServeEvent::Built {
            files,
            profiles,
            took,
            first: true,
            ..
        } => {
            println!(
                "Built {profiles} profiles: {files} files in {} ms; watching for changes",
                took.as_millis()
            );
        }
        ServeEvent::Built {
            rendered,
            changed,
            took,
            ..
        } => {
            println!(
                "Rebuilt in {} ms: {rendered} pages rendered, {changed} files changed",
                took.as_millis()
            );
        }
        ServeEvent::Failed { problems, root } => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!(
                "{}",
                report::render(problems, root, ReportStyle { lang, color })
            );
            eprintln!("\n{}", report::summary(problems.len(), false, lang));
            eprintln!("Still serving the last good build; fix the file and save.");
        }
        ServeEvent::Retrying { problems } => {
            let first = problems
                .iter()
                .next()
                .map(|d| format!("{}: {}", d.location(), d.message))
                .unwrap_or_default();
            match lang {
                Lang::En => eprintln!(
                    "warning: cannot read the site's files for now ({first}); trying again"
                ),
                Lang::Vi => eprintln!(
                    "cảnh báo: tạm thời chưa đọc được các tệp của trang ({first}); đang thử lại"
                ),
            }
        }
        ServeEvent::WatchError { message } => eprintln!("warning: watching files: {message}"),
    }
}

fn report_problems(
    problems: &Diagnostics,
    root: &Path,
    lang: Lang,
    nothing_written: bool,
) -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!(
        "{}",
        report::render(problems, root, ReportStyle { lang, color })
    );
    eprintln!(
        "\n{}",
        report::summary(problems.len(), nothing_written, lang)
    );
    ExitCode::from(1)
}
