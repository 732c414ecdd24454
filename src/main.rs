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

use clap::{CommandFactory, FromArgMatches};
use vinhdanh::cli::{Cli, Command};
use vinhdanh::config::messages_language;
use vinhdanh::diagnostic::messages::Status;
use vinhdanh::diagnostic::report::{self, ReportStyle};
use vinhdanh::diagnostic::{ConfigProblem, Diagnostic, display_path};
use vinhdanh::scaffold::init::{InitOptions, init_site};
use vinhdanh::scaffold::{NewOptions, new_file};
use vinhdanh::serve::{self, ServeError, ServeEvent, ServeOptions};
use vinhdanh::vocab::CONFIG_FILE;
use vinhdanh::{BuildOptions, Diagnostics, Lang, build_site, check_site};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = vinhdanh::cli::help::language(&args);
    let parsed = vinhdanh::cli::help::localised(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            if vinhdanh::cli::usage::clap_says_it(&e, lang) {
                let _ = e.print();
            } else {
                eprint!("{}", vinhdanh::cli::usage::vietnamese(&e));
            }
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
                    let status = Status::Built {
                        profiles: built.profiles,
                        pages: built.pages,
                        files: built.copied,
                        millis: started.elapsed().as_millis(),
                        output: built.output_dir.display().to_string(),
                    };
                    println!("{}", status.words(built.lang));
                    for note in &built.notes {
                        println!("{}", note.words(built.lang));
                    }
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
                    println!("{}", Status::NoErrors.words(translations.lang));
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
                issuer: args.issuer,
                year: args.year,
                lang: cli.lang,
            };
            match new_file(&options) {
                Ok(rel) => {
                    let path = display_path(&rel);
                    println!("{}", Status::Created { path }.words(lang));
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
                Err(ServeError::NoSite { root }) => {
                    let not_a_site = Diagnostic::file(
                        CONFIG_FILE,
                        ConfigProblem::NotASite {
                            folder: root.display().to_string(),
                        },
                    )
                    .localised(lang);
                    report_problems(&not_a_site.into(), &root, lang, false)
                }
                Err(e) => {
                    eprintln!("{}: {}", Status::Error.words(lang), e.words(lang));
                    ExitCode::from(1)
                }
            }
        }
        Command::Init(args) => {
            // No site yet: only --lang, VINHDANH_LANG or Vietnamese.
            let lang = cli.lang.unwrap_or(Lang::Vi);
            let options = InitOptions {
                dir: args.dir,
                lang,
            };
            match init_site(&options) {
                Ok(made) => {
                    let folder = options.dir.display().to_string();
                    let files = made.files.len();
                    println!("{}", Status::SiteCreated { folder, files }.words(lang));
                    let here = options.dir.as_os_str().is_empty() || options.dir == Path::new(".");
                    let cd = (!here).then(|| options.dir.display().to_string());
                    println!("{}", Status::NextSteps { cd }.words(lang));
                    ExitCode::SUCCESS
                }
                Err(problems) => report_problems(&problems, &options.dir, lang, false),
            }
        }
    }
}

fn show_serve_event(event: ServeEvent<'_>, lang: Lang) {
    match event {
        ServeEvent::Listening { url } => {
            let url = url.to_owned();
            println!("{}", Status::Serving { url }.words(lang));
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
            let millis = took.as_millis();
            let status = Status::ServeBuilt {
                profiles,
                files,
                millis,
            };
            println!("{}", status.words(lang));
        }
        ServeEvent::Built {
            rendered,
            changed,
            took,
            ..
        } => {
            let millis = took.as_millis();
            let status = Status::Rebuilt {
                millis,
                rendered,
                changed,
            };
            println!("{}", status.words(lang));
        }
        ServeEvent::Previewed { rendered, took } => {
            let millis = took.as_millis();
            println!("{}", Status::Previewed { millis, rendered }.words(lang));
        }
        ServeEvent::Failed {
            problems,
            root,
            good,
        } => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!(
                "{}",
                report::render(problems, root, ReportStyle { lang, color })
            );
            let count = problems.len();
            let summary = Status::ErrorsFound {
                count,
                nothing_written: false,
            };
            eprintln!("\n{}", summary.words(lang));
            eprintln!("{}", Status::StillServing { good }.words(lang));
        }
        ServeEvent::Retrying { problems } => {
            let first = problems
                .iter()
                .next()
                .map(|d| format!("{}: {}", d.location(), d.message))
                .unwrap_or_default();
            eprintln!("{}", Status::Retrying { first }.words(lang));
        }
        ServeEvent::WatchError { message } => {
            let status = Status::WatchFailed { detail: message };
            eprintln!("{}", status.words(lang));
        }
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
    let summary = Status::ErrorsFound {
        count: problems.len(),
        nothing_written,
    };
    eprintln!("\n{}", summary.words(lang));
    ExitCode::from(1)
}
