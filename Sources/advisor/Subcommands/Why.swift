import ArgumentParser

struct Why: ParsableCommand {}
