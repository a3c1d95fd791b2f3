// Package batchv1 mirrors k8s.io/api/batch/v1 (v0.37.2): see internal/kube.
package batchv1

import (
	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// CronJob is k8s.io/api/batch/v1.CronJob.
type CronJob struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              CronJobSpec `json:"spec,omitempty"`
}

// CronJobSpec is k8s.io/api/batch/v1.CronJobSpec.
type CronJobSpec struct {
	Schedule    string          `json:"schedule"`
	JobTemplate JobTemplateSpec `json:"jobTemplate"`
}

// Job is k8s.io/api/batch/v1.Job.
type Job struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              JobSpec `json:"spec,omitempty"`
}

// JobSpec is k8s.io/api/batch/v1.JobSpec.
type JobSpec struct {
	Template corev1.PodTemplateSpec `json:"template"`
}

// JobTemplateSpec is k8s.io/api/batch/v1.JobTemplateSpec.
type JobTemplateSpec struct {
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              JobSpec `json:"spec,omitempty"`
}
