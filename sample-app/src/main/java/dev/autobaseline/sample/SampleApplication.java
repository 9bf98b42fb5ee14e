package dev.autobaseline.sample;
public class SampleApplication { public static void main(String[] a) {} }
