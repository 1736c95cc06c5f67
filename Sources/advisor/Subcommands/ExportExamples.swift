import ArgumentParser

struct ExportExamples: ParsableCommand {}
