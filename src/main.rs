//! The `vinhdanh` binary: parse arguments, run the library, show problems,
//! return the exit status (0 success, 1 content errors, 2 usage errors).

use std::process::ExitCode;

use clap::Parser;
use vinhdanh::cli::{Cli, Command};
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
