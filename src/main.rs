//! The `vinhdanh` binary: parse arguments, run the library, show problems,
//! return the exit status (0 success, 1 content errors, 2 usage errors).

use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use vinhdanh::cli::{Cli, Command};
use vinhdanh::serve::{self, ServeEvent, ServeOptions};
use vinhdanh::{BuildOptions, Diagnostics, build_site};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        Command::Build(args) => {
            let options = BuildOptions {
                root: args.root,
                output_dir: args.output_dir,
                base_url: args.base_url,
                drafts: args.drafts,
            };
            let started = std::time::Instant::now();
            match build_site(&options) {
                Ok(report) => {
                    println!(
                        "Built {} profiles: {} pages and {} files in {} ms → {}",
                        report.profiles,
                        report.pages,
                        report.copied,
                        started.elapsed().as_millis(),
                        report.output_dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(problems) => report_problems(&problems),
            }
        }
        Command::Serve(args) => {
            let options = ServeOptions { root: args.root, bind: args.bind, port: args.port };
            match serve::serve(&options, Arc::new(show_serve_event)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn show_serve_event(event: ServeEvent<'_>) {
    match event {
        ServeEvent::Listening { url } => println!("Serving the site at {url}/ (drafts shown; Ctrl-C stops)"),
        ServeEvent::Built { files, profiles, took, first: true, .. } => {
            println!("Built {profiles} profiles: {files} files in {} ms; watching for changes", took.as_millis());
        }
        ServeEvent::Built { rendered, changed, took, .. } => {
            println!("Rebuilt in {} ms: {rendered} pages rendered, {changed} files changed", took.as_millis());
        }
        ServeEvent::Failed { problems } => {
            for d in problems.iter() {
                eprintln!("error: {d}");
            }
            let n = problems.len();
            eprintln!("{n} error{} found; still serving the last good build.", if n == 1 { "" } else { "s" });
        }
        ServeEvent::WatchError { message } => eprintln!("warning: watching files: {message}"),
    }
}

fn report_problems(problems: &Diagnostics) -> ExitCode {
    for d in problems.iter() {
        eprintln!("error: {d}");
    }
    let n = problems.len();
    eprintln!("{n} error{} found; nothing was written.", if n == 1 { "" } else { "s" });
    ExitCode::from(1)
}
