// Package model is the typed design of one IKS cluster: the YAML contract
// (ClusterDesign), its enums, defaults, strict loading, name validation and
// the capacity maths of the seed deck.
//
// It is pure data and pure functions. It must not import render, wizard,
// templates or any UI package; everything else in iksplan depends on it.
// The IBM Cloud facts the wizard offers as choices live in model/catalog and
// the rules that judge a design in model/rules.
package model
